/**
 * Demo datasets, loaded only on request (a start-up option or an administrator's action, never by default): dossiers
 * that go through the real workflow and monitoring, so that every screen and statistic has something to show.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package vn.khuyencong.demo;
