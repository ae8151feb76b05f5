/**
 * Documents of a dossier: the bytes in S3-compatible object storage (through the MinIO SDK), the metadata and
 * its SHA-256 in PostgreSQL, what the virus scanner (clamd) said of each.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package vn.khuyencong.document;
