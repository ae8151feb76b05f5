/**
 * Documents of a dossier: the bytes in S3-compatible object storage (through the MinIO SDK), the metadata and
 * its SHA-256 in PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package vn.khuyencong.document;
