import type ExcelJS from "exceljs";
import JSZip from "jszip";

/** Whether a cell's style, as written in the file's styles.xml, has Excel's quote prefix (exceljs reads it not). */
export async function hasQuotePrefix(bytes: Uint8Array | ArrayBuffer, cell: ExcelJS.Cell): Promise<boolean> {
  const zip = await JSZip.loadAsync(bytes);
  const sheetIndex = cell.worksheet.workbook.worksheets.indexOf(cell.worksheet) + 1;
  const sheet = await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async("string");
  const style = Number(new RegExp(`<c r="${cell.address}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
  const xfs = (await zip.file("xl/styles.xml")!.async("string")).match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)![1].match(/<xf [^>]*>/g)!;
  return /quotePrefix="1"/.test(xfs[style]);
}
