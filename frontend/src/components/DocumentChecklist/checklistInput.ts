/** The id of the checklist's file input for a document type: error summaries link to it. */
export function checklistInputId(documentType: string): string {
  return `checklist-file-${documentType}`;
}

/** Whether an input id is one of the checklist's file inputs. */
export function isChecklistInput(id: string): boolean {
  return id.startsWith('checklist-file-');
}

/** The document type a refusal names in its field (`documents.TYPE`), if it names one. */
export function documentTypeOfField(field: string | null | undefined): string | undefined {
  return field?.startsWith('documents.') ? field.slice('documents.'.length) : undefined;
}
