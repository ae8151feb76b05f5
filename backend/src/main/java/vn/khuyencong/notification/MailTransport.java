package vn.khuyencong.notification;

/** Hands one mail to the outside world; throws when it could not. */
interface MailTransport {

    /**
     * @param messageId the Message-ID the mail carries, the same on every attempt, so that a mail sent twice after a
     *            crash is recognisably one mail
     */
    void send(String messageId, String to, String toName, String subject, String body) throws Exception;
}
