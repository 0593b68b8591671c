// The sprite ships with bootstrap-italia; importing it makes Next copy it to
// /_next/static/media, so icons come from the app, never from a CDN.
import sprites from "bootstrap-italia/dist/svg/sprites.svg";

const SPRITE_URL: string = typeof sprites === "string" ? sprites : sprites.src;

type IconProps = {
  name: string;
  className?: string;
  /** Spoken text; without it the icon is decorative and hidden from assistive technology. */
  label?: string;
};

export function Icon({ name, className, label }: IconProps) {
  return (
    <svg
      className={className ? `icon ${className}` : "icon"}
      {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": true, focusable: false })}
    >
      <use href={`${SPRITE_URL}#${name}`} />
    </svg>
  );
}
