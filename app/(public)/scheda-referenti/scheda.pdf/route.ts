// The blank scheda referenti, which the convocation letter says is attached:
// the online form on paper, with the form's address.
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { latestMeetingLetterhead } from "@/lib/meetings/queries";
import { pdfResponse } from "@/lib/platform/pdf/response";
import { BLANK_SHEET_FILENAME, buildBlankSheetPdf } from "@/lib/referents/sheets/blank-pdf";
import { routes } from "@/lib/routes";
import { publicOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const origin = publicOrigin(request.nextUrl.origin);
  const bytes = await buildBlankSheetPdf({
    formUrl: `${origin}${routes.referentSheet()}`,
    privacyUrl: `${origin}${routes.privacy()}`,
    letterhead: await latestMeetingLetterhead(db()),
  });
  return pdfResponse(bytes, BLANK_SHEET_FILENAME);
}
