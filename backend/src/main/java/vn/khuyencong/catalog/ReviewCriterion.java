package vn.khuyencong.catalog;

/** A line of the appraisal score sheet. */
public record ReviewCriterion(String code, String name, int maxScore) {}
