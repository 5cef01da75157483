namespace Portal.Infrastructure.Features.Meetings;

/// <summary>Stockholm local times entered in the minutes part (the proposal deadline), converted the way the
/// meetings' own times are: a time in the spring gap moves forward by the gap, an ambiguous autumn time takes
/// the first (summer-time) instant.</summary>
public static class MeetingMinutesTime
{
    public static DateTimeOffset ToUtc(DateTime local)
    {
        var zone = StockholmTime.Zone;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            // The gap is one hour in Stockholm; the instant is the same as an hour later in winter time.
            var standard = unspecified - zone.BaseUtcOffset;
            return new DateTimeOffset(standard, TimeSpan.Zero);
        }
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            return new DateTimeOffset(unspecified, offsets.Max()).ToUniversalTime();
        }
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, StockholmTime.Zone).DateTime;
}
