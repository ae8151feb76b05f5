package vn.khuyencong.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the catalogue for the other modules. */
@Service
public class Catalog {

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SupportContent> contents() {
        return jdbc.sql("select code, name, legal_basis, processing_days from support_content order by sort_order")
                .query(SupportContent.class).list();
    }

    public Optional<SupportContent> content(String code) {
        return jdbc.sql("select code, name, legal_basis, processing_days from support_content where code = ?")
                .param(code).query(SupportContent.class).optional();
    }

    public List<Agency> agencies() {
        return jdbc.sql("select code, name, province from agency where active order by code").query(Agency.class).list();
    }

    public Optional<Agency> agency(String code) {
        return jdbc.sql("select code, name, province from agency where code = ?").param(code)
                .query(Agency.class).optional();
    }

    /** The agency that receives new dossiers (one per province deployment). */
    public Agency receivingAgency() {
        return jdbc.sql("select code, name, province from agency where active order by code limit 1")
                .query(Agency.class).optional()
                .orElseThrow(() -> new IllegalStateException("The catalogue has no active agency"));
    }

    public List<DocumentType> documentTypes() {
        return jdbc.sql("select code, name from document_type order by code").query(DocumentType.class).list();
    }

    public Optional<DocumentType> documentType(String code) {
        return jdbc.sql("select code, name from document_type where code = ?").param(code)
                .query(DocumentType.class).optional();
    }

    public Set<String> requiredDocumentTypes(String contentCode) {
        return Set.copyOf(jdbc.sql("select document_type from required_document where content_code = ?")
                .param(contentCode).query(String.class).list());
    }
}
