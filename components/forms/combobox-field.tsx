"use client";
// A searchable list (WAI-ARIA combobox with a listbox popup, "list"
// autocomplete): type a few letters, pick with the arrows and Enter or with
// a click. What is posted is the hidden input's value; the form renders a
// plain <select> (SelectField) until JavaScript runs, so it works without.
import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { plural } from "@/lib/platform/format/plural";
import { FieldError } from "./fields";
import type { FieldBinding } from "./field-kit";

type Option = { value: string; label: string };

type ComboboxFieldProps = {
  field: FieldBinding;
  label: string;
  groups: readonly { label: string; options: readonly Option[] }[];
  defaultValue: string;
  hint?: string;
  required?: boolean;
  /** "Comuni": what the options are, for the count read out as the list changes. */
  noun: { one: string; other: string };
  /** The form's current value, when something else may set it (a pre-fill): the field follows it. */
  value?: string;
};

/** Lower case, without accents: "Alì" is found by "ali", "Paternò" by "paterno". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("it").trim();
}

const startsAWord = (name: string, query: string) => name.split(/[\s'’-]+/).some((word) => word.startsWith(query));

/**
 * Options whose name starts with the text first, then those with a later
 * word starting with it ("terme" finds Alì Terme); each group keeps its order.
 */
export function filterGroups<G extends { label: string; options: readonly Option[] }>(groups: readonly G[], text: string) {
  const query = foldText(text);
  if (!query) return groups.map((group) => ({ label: group.label, options: [...group.options] }));
  const starts = (option: Option) => foldText(option.label).startsWith(query);
  const laterWord = (option: Option) => !starts(option) && startsAWord(foldText(option.label), query);
  return groups
    .map((group) => ({ label: group.label, options: [...group.options.filter(starts), ...group.options.filter(laterWord)] }))
    .filter((group) => group.options.length > 0);
}

export function ComboboxField({ field, label, groups, defaultValue, hint, required, noun, value: external }: ComboboxFieldProps) {
  const { id, error, autoFocus, registration } = field;
  const { name, ref: registerElement, onChange: notifyChange, onBlur: notifyBlur } = registration;
  const listId = `${id}-elenco`;
  const all = useMemo(() => groups.flatMap((group) => group.options), [groups]);
  // A value set before the field appeared (a pre-fill) wins over the form's starting one.
  const [value, setValue] = useState(external || defaultValue);
  const [text, setText] = useState(() => all.find((option) => option.value === (external || defaultValue))?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [filter, setFilter] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  // Set from outside (not by this field): show the option now chosen.
  const [followed, setFollowed] = useState(external);
  if (external !== followed) {
    setFollowed(external);
    if (external !== undefined && external !== value) {
      setValue(external);
      setText(all.find((option) => option.value === external)?.label ?? "");
    }
  }

  const shown = useMemo(() => filterGroups(groups, filter), [groups, filter]);
  const flat = shown.flatMap((group) => group.options);
  const optionId = (option: Option) => `${id}-opzione-${option.value}`;

  // react-hook-form reads the value from an event-like object: the hidden input has no change events of its own.
  const commit = (next: string) => {
    setValue(next);
    void notifyChange({ target: { name, value: next }, type: "change" });
  };
  const choose = (option: Option) => {
    setText(option.label);
    setFilter("");
    commit(option.value);
    setOpen(false);
    setActive(-1);
  };
  const openList = (index: number) => {
    setOpen(true);
    setActive(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) openList(event.altKey ? -1 : Math.max(0, flat.findIndex((option) => option.value === value)));
      else setActive((index) => Math.min(flat.length - 1, index + 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) openList(flat.length - 1);
      else setActive((index) => Math.max(0, index - 1));
    } else if (event.key === "Enter") {
      if (open && flat[active]) {
        event.preventDefault();
        choose(flat[active]);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        event.preventDefault();
        setText("");
        setFilter("");
        commit("");
      }
    }
  };

  // Leaving the field: a name typed in full counts as chosen; anything else that is not the chosen name clears the choice.
  const onBlur = () => {
    setOpen(false);
    setActive(-1);
    const typed = foldText(text);
    const exact = all.find((option) => foldText(option.label) === typed);
    if (exact) {
      if (exact.value !== value) commit(exact.value);
      setText(exact.label);
    } else if (value) {
      commit("");
    }
    setFilter("");
    void notifyBlur({ target: { name, value: exact?.value ?? "" }, type: "blur" });
  };

  const describedBy = [hint ? `${id}-aiuto` : null, error ? `${id}-errore` : null].filter(Boolean).join(" ") || undefined;
  const count = flat.length;

  return (
    <div className="form-group combobox mb-4">
      <label htmlFor={id} className="active">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        className={error ? "form-control is-invalid" : "form-control"}
        value={text}
        autoComplete="off"
        autoFocus={autoFocus}
        required={required}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && flat[active] ? optionId(flat[active]) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value);
          setFilter(event.target.value);
          setOpen(true);
          setActive(event.target.value.trim() ? 0 : -1);
        }}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <input type="hidden" name={name} ref={registerElement} value={value} />
      <div
        id={listId}
        role="listbox"
        aria-label={label}
        className="combobox-list"
        hidden={!open || count === 0}
      >
        {shown.map((group, groupIndex) => (
          <div role="group" aria-labelledby={`${id}-gruppo-${groupIndex}`} key={group.label}>
            <div id={`${id}-gruppo-${groupIndex}`} role="presentation" className="combobox-group">
              {group.label}
            </div>
            {group.options.map((option) => {
              const index = flat.indexOf(option);
              return (
                <div
                  key={option.value}
                  id={optionId(option)}
                  role="option"
                  aria-selected={index === active}
                  className={index === active ? "combobox-option active" : "combobox-option"}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => {
                    choose(option);
                    inputRef.current?.focus();
                  }}
                >
                  {option.label}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div role="status" className="visually-hidden">
        {open && filter.trim()
          ? count === 0
            ? `Nessun ${noun.one} corrisponde a «${filter.trim()}»`
            : plural(count, `${noun.one} trovato`, `${noun.other} trovati`)
          : ""}
      </div>
      {open && count === 0 ? (
        <p className="form-text mb-0" aria-hidden="true">
          Nessun {noun.one} corrisponde a «{filter.trim()}».
        </p>
      ) : null}
      {hint ? (
        <small id={`${id}-aiuto`} className="form-text">
          {hint}
        </small>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}
