package vn.khuyencong.document;

import java.util.UUID;

/**
 * A document that was stored while the virus scanner could not answer has been found infected by the retry: it can
 * no longer be downloaded, its object is removed, and it blocks the dossier's submission until it is deleted or
 * replaced. Published in the transaction that flags it.
 *
 * @param signature the scanner's name for what it found
 */
public record DocumentQuarantined(UUID documentId, UUID dossierId, String fileName, String signature) {}
