/**
 * What every module may use to answer HTTP, reach the database and run on several instances.
 *
 * <ul>
 *   <li>Errors as RFC 9457 problem details in Vietnamese: {@code ProblemException} and {@code Problems} (building
 *       them, also outside Spring MVC), {@code ProblemHandler} (controllers), {@code ProblemErrorController} (errors
 *       that never reach a controller), {@code ProblemErrorReportValve} (Tomcat's own answers), {@code
 *       DatabaseConflicts} (what two writers meeting in the database becomes).
 *   <li>Requests: {@code Idempotency-Key} by {@code IdempotencyFilter} (the filter: the key, the replay, the
 *       headers), {@code IdempotencyRecords} (the answers recorded under the keys) and {@code IdempotencyKeysCleanup}
 *       (their expiry), {@code RateLimits}, {@code RequestIds}, {@code SinglePageAppController} (the frontend's routes), {@code
 *       OpenApiConfiguration} (the API document).
 *   <li>Database: {@code DatabaseBootstrap} (creates it when missing), {@code ReadReplica}, {@code Rows} (row
 *       mappers), {@code DatabaseGauges} (metrics read from it).
 *   <li>Several instances: {@code ScheduledJobLocks} (one instance per scheduled job), {@code
 *       EventPublicationResubmission} (work left after a commit done again).
 *   <li>{@code VietnamTime} (the time zone), {@code Texts} (amounts in đồng, blank answers as none) and
 *       {@code SharedConfiguration} (the clock and the beans above).
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.khuyencong.shared;

import org.springframework.modulith.ApplicationModule;
