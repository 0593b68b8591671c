// A convocation form with every required field filled, as a coordinator types
// it: the base the form's tests vary one field of.
import { emptyMeetingForm } from "@/lib/meetings/form";

export function validMeetingForm() {
  return {
    ...emptyMeetingForm(),
    title: "Webinar",
    subject: "Oggetto",
    startsAt: "2030-03-31T09:30",
    endsAt: "2030-03-31T11:00",
    body: "Testo",
    signatoryName: "Firmatario",
    signatoryTitle: "Ruolo",
    fundingFund: "FAMI",
    fundingLine: "Linea",
    projectCode: "3031",
    projectName: "COOPERA",
  };
}
