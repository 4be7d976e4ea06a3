package io.tutoring.notifications;

import org.jboss.resteasy.reactive.RestForm;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/** The fields the settings form posts (one office-hours stretch per weekday: a checkbox, from and to). */
public class SettingsForm {

    @RestForm
    public String email;
    @RestForm
    public String digestHour;
    @RestForm
    public String timeZone;
    @RestForm
    public String quiet;
    @RestForm
    public String quietFrom;
    @RestForm
    public String quietTo;
    @RestForm
    public String showMessageText;
    @RestForm
    public String replyWithinHours;

    @RestForm("office-MONDAY") public String officeMonday;
    @RestForm("from-MONDAY") public String fromMonday;
    @RestForm("to-MONDAY") public String toMonday;
    @RestForm("office-TUESDAY") public String officeTuesday;
    @RestForm("from-TUESDAY") public String fromTuesday;
    @RestForm("to-TUESDAY") public String toTuesday;
    @RestForm("office-WEDNESDAY") public String officeWednesday;
    @RestForm("from-WEDNESDAY") public String fromWednesday;
    @RestForm("to-WEDNESDAY") public String toWednesday;
    @RestForm("office-THURSDAY") public String officeThursday;
    @RestForm("from-THURSDAY") public String fromThursday;
    @RestForm("to-THURSDAY") public String toThursday;
    @RestForm("office-FRIDAY") public String officeFriday;
    @RestForm("from-FRIDAY") public String fromFriday;
    @RestForm("to-FRIDAY") public String toFriday;
    @RestForm("office-SATURDAY") public String officeSaturday;
    @RestForm("from-SATURDAY") public String fromSaturday;
    @RestForm("to-SATURDAY") public String toSaturday;
    @RestForm("office-SUNDAY") public String officeSunday;
    @RestForm("from-SUNDAY") public String fromSunday;
    @RestForm("to-SUNDAY") public String toSunday;

    /** A weekday's stretch as posted: whether it was ticked, from and to. */
    record DayFields(DayOfWeek day, boolean on, String from, String to) {
    }

    List<DayFields> days() {
        List<DayFields> days = new ArrayList<>();
        days.add(new DayFields(DayOfWeek.MONDAY, officeMonday != null, fromMonday, toMonday));
        days.add(new DayFields(DayOfWeek.TUESDAY, officeTuesday != null, fromTuesday, toTuesday));
        days.add(new DayFields(DayOfWeek.WEDNESDAY, officeWednesday != null, fromWednesday, toWednesday));
        days.add(new DayFields(DayOfWeek.THURSDAY, officeThursday != null, fromThursday, toThursday));
        days.add(new DayFields(DayOfWeek.FRIDAY, officeFriday != null, fromFriday, toFriday));
        days.add(new DayFields(DayOfWeek.SATURDAY, officeSaturday != null, fromSaturday, toSaturday));
        days.add(new DayFields(DayOfWeek.SUNDAY, officeSunday != null, fromSunday, toSunday));
        return days;
    }
}
