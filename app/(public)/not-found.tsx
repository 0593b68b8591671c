import { NotFoundContent } from "@/components/layout/not-found-content";

// notFound() inside a public page renders within the (public) layout, which already has the header.
export default function NotFound() {
  return <NotFoundContent />;
}
