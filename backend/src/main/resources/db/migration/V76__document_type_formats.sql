-- The formats each kind of document may come in (media types decided by the bytes); null: every format the
-- service accepts (kc.documents.allowed-types). Signed papers come as PDF or as a scan or photo of the paper; the
-- project description as a document an office suite opens; the budget as a spreadsheet or a PDF.
alter table document_type add column formats text[];

update document_type set formats = '{application/pdf,image/jpeg,image/png}'
    where code in ('REQUEST_LETTER', 'BUSINESS_REGISTRATION', 'COUNTERPART_COMMITMENT', 'EVIDENCE_CONTRACT',
                   'EVIDENCE_INVOICE', 'ACCEPTANCE_MINUTES', 'EVIDENCE_PHOTO');
update document_type set formats = '{application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text}'
    where code = 'PROJECT_DESCRIPTION';
update document_type set formats = '{application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet}'
    where code = 'DETAILED_BUDGET';
