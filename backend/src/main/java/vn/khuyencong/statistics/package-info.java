/**
 * Statistics and open data computed from the dossiers, their decisions, payments and acceptance records, through sums
 * per group that the database keeps in the transaction of every change: the officers' dashboard and its exports, the
 * public statistics, the open data of approved projects, the targets of each planning period.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package vn.khuyencong.statistics;
