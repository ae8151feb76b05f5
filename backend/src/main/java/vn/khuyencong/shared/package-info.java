/**
 * What every module may use: problem details, the clock, database bootstrap and the single-page-app routing.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.khuyencong.shared;
