"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Bootstrap Italia's off-canvas menu, done in React so we need not ship its
 * JavaScript: the toggler opens the panel, which takes the focus; Escape, the
 * overlay or the close button shut it and give the focus back to the toggler;
 * while open, Tab cycles inside the panel.
 */
export function useOffcanvas() {
  const [open, setOpen] = useState(false);
  const toggler = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    closer.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        toggler.current?.focus();
        return;
      }
      if (event.key !== "Tab" || !panel.current) return;
      const focusable = Array.from(panel.current.querySelectorAll<HTMLElement>("a[href], button")).filter((element) => element.getClientRects().length > 0);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  function close() {
    setOpen(false);
    toggler.current?.focus();
  }

  return { open, setOpen, close, toggler, closer, panel };
}
