/**
 * Official papers of a dossier (the one-stop forms 01 to 05 of Circular 01/2018/TT-VPCP and the approval
 * decision): generated from the data as PDF, stored as objects, verifiable by anyone through their QR code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Paper")
package vn.khuyencong.paper;
