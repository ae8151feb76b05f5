/**
 * Monitoring of approved projects until acceptance or termination: implementation plan, monthly progress reports,
 * inspections, advances and payments, change requests, the acceptance record and the settlement figures.
 *
 * <p>One class per use case ({@code FilePlan}, {@code FileProgressReport}, {@code AttachEvidence},
 * {@code RecordInspection}, {@code RecordDisbursement}, {@code RequestChange}, {@code DecideChange},
 * {@code AcceptProject}), each in the order authorise, validate, change, record, through the steps they share in
 * {@code ProjectMonitoring}; the money rules are the pure {@code MoneyPolicy}, and {@code Projects} holds the
 * project's rows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package vn.khuyencong.monitoring;
