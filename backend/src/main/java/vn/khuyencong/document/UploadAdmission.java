package vn.khuyencong.document;

import vn.khuyencong.dossier.Dossier;

/**
 * Who may add a document of a type to a dossier at its current stage, for the modules that decide it themselves
 * (evidence of progress, inspection photos, acceptance minutes); the upload itself is streamed and checked like any
 * other. Throws a {@link vn.khuyencong.shared.ProblemException} to refuse.
 */
@FunctionalInterface
public interface UploadAdmission {

    void check(Dossier dossier, String documentType);
}
