import { formatDateTime, formatDateTimeRange, formatShortDate, romeIsoDate } from "@/lib/platform/format/dates";

type RomeTimeProps = {
  date: Date;
  end?: Date;
  /** "datetime": "giovedì 24 marzo 2022, ore 15:00"; "date": "24 marzo 2022". */
  format?: "datetime" | "date";
};

/** A date as Italians read it in Rome, with the exact instant in `dateTime` for machines. */
export function RomeTime({ date, end, format = "datetime" }: RomeTimeProps) {
  if (format === "date") return <time dateTime={romeIsoDate(date)}>{formatShortDate(date)}</time>;
  const text = end ? formatDateTimeRange(date, end) : formatDateTime(date);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
