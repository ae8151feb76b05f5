package vn.khuyencong.shared;

import java.time.ZoneId;

/** Vietnam's time zone: working days, the 15:00 cut-off and the dates in dossier codes are local. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}
}
