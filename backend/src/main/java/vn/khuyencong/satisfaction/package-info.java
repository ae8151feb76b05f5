/**
 * Satisfaction: the enterprise's rating of the service once its dossier has a result (the one-stop indicators of
 * Circular 01/2018/TT-VPCP), and the averages per indicator and period that the statistics publish.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction")
package vn.khuyencong.satisfaction;
