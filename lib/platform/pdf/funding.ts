// The FAMI visibility block on every document the portal produces (Reg. (UE)
// 514/2014 art. 53, Reg. 1048/2014): the EU emblem in its standard form with
// the co-financing statement, the lead partner and the managing authority,
// the fund line and the project, as the letterhead of the convocation.
import { rgb } from "pdf-lib";
import { drawableText } from "./fonts";
import { BLUE, INK, MUTED, type PdfWriter } from "./writer";

export type Funding = { fundingFund: string; fundingLine: string; projectCode: string; projectName: string };

export const CO_FINANCING_STATEMENT = "Progetto co-finanziato dall'Unione Europea";

const EU_BLUE = rgb(0, 0.2, 0.6);
const EU_YELLOW = rgb(1, 0.8, 0);

/** The fund and its line, written once even when the line already names the fund. */
export function fundingText(fund: string, line: string): string {
  if (!fund.trim()) return line.trim();
  if (line.trim().toLowerCase().startsWith(fund.trim().toLowerCase())) return line.trim();
  return `${fund.trim()} - ${line.trim()}`;
}

/** "PROGETTO COOPERA - I Comuni …" and, unless the name already says it, "(progetto n. 3031)". */
export function projectHeading({ projectName, projectCode }: Pick<Funding, "projectName" | "projectCode">): string {
  const name = projectName.trim();
  const title = /^progetto\b/i.test(name) ? name : `PROGETTO ${name}`;
  const code = projectCode.trim();
  return code && !title.includes(code) ? `${title} (progetto n. ${code})` : title;
}

/** A five-pointed star as an SVG path around (cx, cy), y pointing down. */
function starPath(cx: number, cy: number, radius: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const r = i % 2 === 0 ? radius : radius * 0.382;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + r * Math.cos(angle)).toFixed(2)} ${(cy + r * Math.sin(angle)).toFixed(2)}`);
  }
  return `M ${points.join(" L ")} Z`;
}

/** The EU flag: a blue rectangle 3:2, twelve gold stars on a circle of a third of its height. */
export function drawEuEmblem(writer: PdfWriter, x: number, top: number, height: number): number {
  const width = height * 1.5;
  writer.page.drawRectangle({ x, y: top - height, width, height, color: EU_BLUE });
  const centreX = width / 2;
  const centreY = height / 2;
  for (let i = 0; i < 12; i += 1) {
    const angle = (i * Math.PI) / 6;
    const path = starPath(centreX + (height / 3) * Math.cos(angle), centreY + (height / 3) * Math.sin(angle), height / 18);
    writer.page.drawSvgPath(path, { x, y: top, color: EU_YELLOW, borderWidth: 0 });
  }
  return width;
}

/** Writes the block at the cursor, full width, and moves the cursor below it. */
export function drawFundingBlock(writer: PdfWriter, funding: Funding, options: { compact?: boolean } = {}): void {
  const emblemHeight = options.compact ? 28 : 36;
  const { regular, bold } = writer.fonts;
  const top = writer.y;
  const emblemWidth = drawEuEmblem(writer, writer.left, top, emblemHeight);
  const captionX = writer.left + emblemWidth + 8;
  writer.page.drawText(drawableText(regular, "Progetto co-finanziato"), { x: captionX, y: top - 13, size: 9, font: regular, color: INK });
  writer.page.drawText(drawableText(regular, "dall'Unione Europea"), { x: captionX, y: top - 24, size: 9, font: regular, color: INK });

  const right = writer.left + writer.contentWidth;
  // Right-aligned as a row, drawn left to right: text is read in the order it is drawn.
  const marks = ["Città di Palermo", "MINISTERO DELL'INTERNO"].map((mark) => {
    const text = drawableText(bold, mark);
    return { text, width: bold.widthOfTextAtSize(text, 9) };
  });
  let markX = right - marks.reduce((sum, mark) => sum + mark.width, 0) - 24 * (marks.length - 1);
  for (const mark of marks) {
    writer.page.drawText(mark.text, { x: markX, y: top - emblemHeight / 2 - 3, size: 9, font: bold, color: BLUE });
    markX += mark.width + 24;
  }

  writer.y = top - emblemHeight - 8;
  writer.paragraph(fundingText(funding.fundingFund, funding.fundingLine), { size: options.compact ? 7.5 : 8, color: MUTED, after: 2 });
  writer.paragraph(projectHeading(funding), { size: options.compact ? 8.5 : 9.5, font: "bold", after: 4 });
  writer.rule();
  writer.space(10);
}
