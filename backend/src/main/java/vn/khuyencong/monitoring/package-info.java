/**
 * Monitoring of approved projects until acceptance or termination: implementation plan, monthly progress reports,
 * inspections, advances and payments, change requests, the acceptance record and the settlement figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package vn.khuyencong.monitoring;
