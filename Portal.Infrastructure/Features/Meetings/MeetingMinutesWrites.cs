using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Common;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.WriteLimits;

namespace Portal.Infrastructure.Features.Meetings;

/// <summary>The kinds of write the minutes part counts against a member's write limits (ADR 0019).</summary>
public static class MeetingMinutesWrites
{
    /// <summary>Agenda items, proposals, decisions on proposals and the deadline.</summary>
    public const string Agenda = "meeting-agenda";

    /// <summary>Minutes text, attendance, decisions and action items.</summary>
    public const string Minutes = "meeting-minutes";

    /// <summary>Registering for trainings and recording their participants.</summary>
    public const string Training = "meeting-training";

    public const string ChangedConcurrently = "meeting.changed-concurrently";

    public static IServiceCollection AddMeetingMinutesWriteLimits(this IServiceCollection services) => services
        .AddWriteLimit(Agenda, 60, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Minutes, 200, TimeSpan.FromMinutes(10))
        .AddWriteLimit(Training, 120, TimeSpan.FromMinutes(10));

    /// <summary>Saves one change of a meeting's minutes part in one transaction: the counted write, the change
    /// (refused when someone else changed the meeting since it was loaded), then the notifications, written after
    /// the change so that the notifier's access check sees it.</summary>
    public static async Task SaveAsync(this WriteLimiter limiter, PortalDbContext db, Actor actor, DateTimeOffset now, string kind,
        string? field, Func<Task>? notify, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await limiter.CountAsync(db, actor.MemberId, now, [new CountedWrite(kind, Field: field)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (notify is not null)
            {
                await notify();
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException(ChangedConcurrently);
        }
    }
}
