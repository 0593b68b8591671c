import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./bootstrap-italia.css";
import "./fonts.css";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Convoca - Coordinamento dei Comuni siciliani aderenti al SAI",
    template: "%s | Convoca - Coordinamento Comuni SAI",
  },
  description:
    "Convocazioni, iscrizioni e materiali del Coordinamento dei Comuni siciliani aderenti al SAI (ANCI Sicilia, progetto COOPERA, FAMI 2014-2020).",
  applicationName: "Convoca",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="it">
      <body>{children}</body>
    </html>
  );
}
