-- The checklist per content, from Article 10.1.a of Circular 36/2013/TT-BCT: every dossier carries the request
-- letter and the project description (đề án, drawn up per Article 5), whose detailed budget is drawn up on Form 1
-- of Annex 1 (Article 5.6) and filed as a document of its own. Projects that buy machinery (demonstration models,
-- advanced machinery) also carry the suppliers' quotes the content's form asks about, one of the documents that
-- Annex 2 attaches to some kinds of project.
--
-- Not required by default: the business registration (the organisation registered with its tax code, which the
-- national business registry already holds) and the counterpart-funds commitment (the form declares the amount and
-- the enterprise confirms its declaration on submission). Both stay on every checklist as optional extras, and the
-- administrators make them required per content when a Department asks for them.
insert into required_document (content_code, document_type)
    select code, type
    from support_content
    cross join (values ('REQUEST_LETTER'), ('PROJECT_DESCRIPTION'), ('DETAILED_BUDGET')) as required (type)
on conflict do nothing;

insert into required_document (content_code, document_type) values
    ('TECHNOLOGY_TRANSFER', 'SUPPLIER_QUOTES')
on conflict do nothing;
