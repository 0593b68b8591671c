import { NotFoundContent } from "@/components/layout/not-found-content";
import { SiteHeader } from "@/components/layout/site-header";

// Unknown URLs render outside the (public) layout, so this page brings its own header.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <NotFoundContent />
    </>
  );
}
