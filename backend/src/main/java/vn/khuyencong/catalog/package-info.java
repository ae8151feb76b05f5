/**
 * The catalogue: khuyến công contents, required documents, agencies, holidays and processing times, kept as data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package vn.khuyencong.catalog;
