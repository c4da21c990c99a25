namespace BizSuite.Hr.Leave;

/// <summary>Leave counts working days: Monday to Friday (public holidays are not modelled yet).</summary>
internal static class WorkingDays
{
    public static int Between(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var total = to.DayNumber - from.DayNumber + 1;
        var weeks = total / 7;
        var days = weeks * 5;
        for (var d = from.AddDays(weeks * 7); d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days++;
        return days;
    }
}
