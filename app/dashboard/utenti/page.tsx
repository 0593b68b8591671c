import type { Metadata } from "next";
import { RomeTime } from "@/components/ui/rome-time";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { UserRoleForm, UserStateForm } from "@/components/users/user-row-forms";
import { guardPage } from "@/lib/auth/guard";
import { ROLE_LABELS, USER_ROLES } from "@/lib/auth/roles";
import { changeRoleAction, deactivateUserAction, inviteUserAction, reactivateUserAction } from "@/lib/users/actions";
import { listUsers } from "@/lib/users/queries";
import { TableScroll } from "@/components/ui/table-scroll";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Utenti" };

const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export default async function UsersPage() {
  const me = await guardPage("admin");
  const users = await listUsers(db());

  return (
    <>
      <h1>Utenti</h1>
      <p className="lead">
        Chi può accedere all&apos;area riservata e con quale profilo. Si accede solo con un link inviato per email: non ci
        sono password da gestire.
      </p>
      <ul>
        <li>
          <strong>{ROLE_LABELS.ADMIN}</strong>: tutto, compresa la gestione degli utenti.
        </li>
        <li>
          <strong>{ROLE_LABELS.COORDINATOR}</strong>: crea e pubblica convocazioni, gestisce iscrizioni, inviti ed email.
        </li>
        <li>
          <strong>{ROLE_LABELS.OBSERVER}</strong>: consulta pagine ed esportazioni, senza modificare nulla.
        </li>
      </ul>

      <TableScroll label="Tabella degli utenti" className="my-4">
        <table className="table align-middle">
          <caption>Utenti dell&apos;area riservata ({users.length}), prima quelli attivi</caption>
          <thead>
            <tr>
              <th scope="col">Utente</th>
              <th scope="col">Stato</th>
              <th scope="col">Ultimo accesso</th>
              <th scope="col">Creato</th>
              <th scope="col">Profilo</th>
              <th scope="col">Accesso</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const isMe = user.id === me.id;
              return (
                <tr key={user.id}>
                  <th scope="row" className="fw-normal">
                    <span className="fw-semibold">{user.name ?? user.email}</span>
                    {isMe ? <span className="ms-1">(tu)</span> : null}
                    {user.name ? <div className="small">{user.email}</div> : null}
                  </th>
                  <td>
                    <span className={user.active ? "badge bg-success" : "badge bg-secondary"}>{user.active ? "Attivo" : "Disattivato"}</span>
                  </td>
                  <td>{user.lastSignInAt ? <RomeTime date={user.lastSignInAt} /> : "Mai, o sessione scaduta"}</td>
                  <td>
                    <RomeTime date={user.createdAt} format="date" />
                  </td>
                  <td>
                    {isMe ? (
                      <>
                        {ROLE_LABELS[user.role]}
                        <div className="small">Il tuo profilo lo cambia un altro amministratore.</div>
                      </>
                    ) : (
                      <UserRoleForm
                        action={changeRoleAction.bind(null, user.id)}
                        userId={user.id}
                        email={user.email}
                        role={user.role}
                        roles={ROLE_OPTIONS}
                      />
                    )}
                  </td>
                  <td>
                    {isMe ? (
                      <span className="small">—</span>
                    ) : (
                      <UserStateForm
                        action={(user.active ? deactivateUserAction : reactivateUserAction).bind(null, user.id)}
                        userId={user.id}
                        email={user.email}
                        active={user.active}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="small">Disattivare un account chiude subito le sue sessioni: l&apos;utente esce alla pagina successiva.</p>

      <section className="mt-5" aria-labelledby="invita-titolo">
        <h2 id="invita-titolo">Invita un utente</h2>
        <p>
          La persona riceve un&apos;email con l&apos;indirizzo della pagina di accesso. Se l&apos;indirizzo apparteneva a un
          account disattivato, l&apos;account è riattivato con il profilo scelto qui.
        </p>
        <InviteUserForm action={inviteUserAction} roles={ROLE_OPTIONS} />
      </section>
    </>
  );
}
