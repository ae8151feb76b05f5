/**
 * What every module may use: problem details, the clock, database bootstrap and the single-page-app routing.
 */
@org.springframework.modulith.ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.khuyencong.shared;

import org.springframework.modulith.ApplicationModule;
