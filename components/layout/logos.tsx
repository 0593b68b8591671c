// Logos drawn here rather than copied: the EU emblem in its standard
// geometric form (a public symbol) and plain-text wordmarks for the others.

type LogoProps = { className?: string; height?: number };

const EU_BLUE = "#003399";
const EU_YELLOW = "#FFCC00";

/** One five-pointed star, point up, centred on (cx, cy). */
function starPoints(cx: number, cy: number, outer: number): string {
  const inner = outer * 0.381966; // regular pentagram
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = (-90 + i * 36) * (Math.PI / 180);
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return points.join(" ");
}

// Flag 3:2; twelve stars on a circle whose radius is a third of the height,
// each star inscribed in a circle of radius one eighteenth of the height.
const EU_STARS = Array.from({ length: 12 }, (_, i) => {
  const angle = (i * 30 - 90) * (Math.PI / 180);
  return starPoints(405 + 180 * Math.cos(angle), 270 + 180 * Math.sin(angle), 30);
});

export function EuEmblem({ className, height = 48 }: LogoProps) {
  return (
    <svg
      className={className}
      role="img"
      aria-label="Emblema dell'Unione europea"
      viewBox="0 0 810 540"
      height={height}
      width={(height * 3) / 2}
    >
      <rect width="810" height="540" fill={EU_BLUE} />
      {EU_STARS.map((points) => (
        <polygon key={points} points={points} fill={EU_YELLOW} />
      ))}
    </svg>
  );
}

export function PalermoWordmark({ className, height = 48 }: LogoProps) {
  return (
    <svg className={className} role="img" aria-label="Città di Palermo" viewBox="0 0 180 60" height={height} width={height * 3}>
      <rect x="0" y="6" width="6" height="48" fill="#b8860b" />
      <rect x="6" y="6" width="6" height="48" fill="#a11d21" />
      <text x="20" y="26" fontFamily="Lora, Georgia, serif" fontSize="15" fill="#1a1a1a">
        Città di
      </text>
      <text x="20" y="50" fontFamily="Lora, Georgia, serif" fontSize="24" fontWeight="700" fill="#a11d21">
        Palermo
      </text>
    </svg>
  );
}

export function MinisteroWordmark({ className, height = 48 }: LogoProps) {
  return (
    <svg className={className} role="img" aria-label="Ministero dell'Interno" viewBox="0 0 190 60" height={height} width={(height * 19) / 6}>
      <text x="95" y="26" textAnchor="middle" fontFamily="Lora, Georgia, serif" fontSize="18" letterSpacing="2" fill="#1a1a1a">
        MINISTERO
      </text>
      <line x1="25" y1="34" x2="165" y2="34" stroke="#1a1a1a" strokeWidth="1" />
      <text x="95" y="54" textAnchor="middle" fontFamily="Lora, Georgia, serif" fontSize="16" letterSpacing="1.5" fill="#1a1a1a">
        DELL&apos;INTERNO
      </text>
    </svg>
  );
}

export function AnciSiciliaWordmark({ className, height = 48 }: LogoProps) {
  return (
    <svg className={className} role="img" aria-label="ANCI Sicilia - Associazione dei comuni siciliani" viewBox="0 0 240 60" height={height} width={height * 4}>
      <text x="0" y="32" fontFamily="'Titillium Web', Geneva, Tahoma, sans-serif" fontSize="30" fontWeight="700" fill="#0b5a36">
        ANCI SICILIA
      </text>
      <text x="1" y="52" fontFamily="'Titillium Web', Geneva, Tahoma, sans-serif" fontSize="13" fill="#1a1a1a">
        Associazione dei comuni siciliani
      </text>
    </svg>
  );
}

/** The portal's own mark in the header: municipalities linked in a network. Decorative. */
export function CoordinamentoMark({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M32 16 L18 40 L46 40 Z M32 16 L32 32 M18 40 L32 32 L46 40" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <circle cx="32" cy="16" r="5" fill="currentColor" />
      <circle cx="18" cy="40" r="5" fill="currentColor" />
      <circle cx="46" cy="40" r="5" fill="currentColor" />
      <circle cx="32" cy="32" r="4" fill="currentColor" />
    </svg>
  );
}
