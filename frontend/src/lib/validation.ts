/** A problem with one answer in a form, shown in the error summary and next to the field. */
export interface FieldProblem {
  /** The id of the input the problem belongs to; the summary links to it. Absent for form-wide problems. */
  fieldId?: string;
  /** A link to the page where the answer can be changed, when it is not on this page. */
  href?: string;
  message: string;
  /** Set when the text is not in the interface language (the server's messages are Vietnamese). */
  lang?: string;
}

export function problemFor(problems: FieldProblem[], fieldId: string): FieldProblem | undefined {
  return problems.find((p) => p.fieldId === fieldId);
}
