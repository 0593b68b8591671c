import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Province } from "../../lib/generated/prisma/client";

export type MunicipalityRow = {
  istatCode: string;
  name: string;
  province: Province;
  provinceName: string;
};

export const MUNICIPALITIES_FILE = path.join(process.cwd(), "prisma", "data", "municipalities-sicily.csv");

const PROVINCES = new Set(["AG", "CL", "CT", "EN", "ME", "PA", "RG", "SR", "TP"]);

/** One CSV line (RFC 4180: quoted fields may hold commas and doubled quotes). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

export async function readMunicipalities(file = MUNICIPALITIES_FILE): Promise<MunicipalityRow[]> {
  const lines = (await readFile(file, "utf8"))
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
  const [header, ...rows] = lines;
  if (header !== "istat_code,name,province_code,province_name") {
    throw new Error(`${file}: unexpected header "${header}"`);
  }
  return rows.map((line, index) => {
    const [istatCode, name, province, provinceName] = parseCsvLine(line);
    if (!/^\d{6}$/.test(istatCode ?? "") || !name || !PROVINCES.has(province ?? "") || !provinceName) {
      throw new Error(`${file}: malformed row ${index + 1}: ${line}`);
    }
    return { istatCode, name: name.normalize("NFC"), province: province as Province, provinceName };
  });
}
