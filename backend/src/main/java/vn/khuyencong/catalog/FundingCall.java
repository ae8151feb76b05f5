package vn.khuyencong.catalog;

import java.time.LocalDate;
import java.util.UUID;

/** A programme's yearly call for dossiers: SUBMIT is accepted only between its opening and closing days. */
public record FundingCall(
        UUID id, String programme, int year, String name, String agencyCode, LocalDate opensOn, LocalDate closesOn) {

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
