package vn.khuyencong.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khuyencong.identity.CurrentUser;
import vn.khuyencong.identity.Role;

@RestController
@Tag(name = "Dữ liệu minh hoạ", description = "Nạp bộ dữ liệu minh hoạ theo yêu cầu của quản trị viên")
class DemoDataController {

    private final BacKanDataset bacKan;

    DemoDataController(BacKanDataset bacKan) {
        this.bacKan = bacKan;
    }

    @PostMapping("/api/v1/admin/demo-data/bac-kan")
    @Operation(
            summary =
                    "Nạp dữ liệu minh hoạ Bắc Kạn 2014–2018 (hồ sơ đi qua quy trình thật); nạp lần hai không tạo thêm")
    BacKanDataset.Result loadBacKan(CurrentUser user) {
        user.requireAny(Role.ADMIN);
        return bacKan.load(user.username());
    }
}
