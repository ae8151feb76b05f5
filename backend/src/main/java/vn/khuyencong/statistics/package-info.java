/**
 * Statistics and open data computed live from the dossiers, their decisions, payments and acceptance records: the
 * officers' dashboard and its exports, the public statistics, the open data of approved projects, the targets of
 * each planning period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package vn.khuyencong.statistics;
