"use client";
import type { ReactNode } from "react";
import { ErrorSummary } from "./error-summary";
import type { useActionForm } from "./use-action-form";

/** The parts of useActionForm's result the form element and its summary use, whatever the form's values. */
type ActionFormWiring = Pick<
  ReturnType<typeof useActionForm>,
  | "formId"
  | "formRef"
  | "formAction"
  | "onSubmit"
  | "onMouseDown"
  | "errors"
  | "formError"
  | "successMessage"
  | "successTone"
  | "summaryRef"
  | "summaryAutoFocus"
>;

type ActionFormProps = {
  form: ActionFormWiring;
  /** Paths in page order, so the summary lists errors as the fields appear. */
  order: readonly string[];
  /** Forms whose success replaces the page (or says nothing) leave it out. */
  showSuccess?: boolean;
  headingLevel?: 2 | 3;
  contextFor?: (path: string) => string | undefined;
  className?: string;
  children: ReactNode;
};

/** A form posting to its server action, with the outcome summary at its top. */
export function ActionForm({ form, order, showSuccess = false, headingLevel, contextFor, className, children }: ActionFormProps) {
  const { formId, formRef, formAction, onSubmit, onMouseDown, errors, formError, successMessage, successTone, summaryRef, summaryAutoFocus } = form;
  return (
    <form id={formId} ref={formRef} action={formAction} onSubmit={onSubmit} onMouseDown={onMouseDown} noValidate className={className}>
      <ErrorSummary
        formId={formId}
        errors={errors}
        order={order}
        formError={formError}
        successMessage={showSuccess || successTone === "info" ? successMessage : undefined}
        successTone={successTone}
        summaryRef={summaryRef}
        autoFocus={summaryAutoFocus}
        headingLevel={headingLevel}
        contextFor={contextFor}
      />
      {children}
    </form>
  );
}
