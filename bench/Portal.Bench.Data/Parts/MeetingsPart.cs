using Portal.Bench.Data.Text;
using Portal.Domain.Meetings;

namespace Portal.Bench.Data.Parts;

/// <summary>Meetings in each workspace with a lead: a weekly or fortnightly series that began some weeks ago
/// (ten to twenty occurrences, the whole workspace invited), replies to the coming occurrences from part of the
/// invitees, minutes with decisions and action items for some of the past ones; busy workspaces also have a
/// single network day or training ahead. What a member's calendar, feed and home page read at scale. The
/// domain makes the meetings' ids itself, so unlike the other parts these rows are not the same from one
/// seed to the next (nothing in the bench looks them up by id).</summary>
public sealed class MeetingsPart : IBenchDataPart
{
    public string Name => "meetings";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public async Task WriteAsync(GeneratedWorld world, BenchWriter writer, CancellationToken cancellationToken)
    {
        var random = world.RandomFor(this);
        var text = new SwedishText(random);
        var now = world.Now;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        foreach (var workspace in world.Workspaces.Where(w => w.Leads.Count > 0 && w.Readers.Count >= 3))
        {
            var invitees = workspace.Readers.Take(Meeting.MaxInvitees).ToList();
            var lead = workspace.Leads[0];
            var firstDay = today.AddDays(-7 * random.Next(2, 8) + random.Next(0, 5));
            var start = firstDay.ToDateTime(new TimeOnly(random.Pick([8, 9, 10, 13, 14]), random.Chance(0.5) ? 0 : 30));
            var series = Meeting.Schedule(MeetingKind.Meeting,
                new MeetingDetails($"{workspace.Name}: {text.Title()}", text.Sentence(), null, "https://meet.example.se/" + random.Next(1000, 9999)),
                [workspace.Id], lead, start, start.AddMinutes(random.Pick([45, 60, 90])),
                MeetingRecurrence.Weekly(random.Chance(0.7) ? 1 : 2, random.Next(10, 21), null), invitees, null, null, Zone);
            Prepare(series, invitees, lead, random, text, now, today);
            world.MeetingIds.Add(series.Id);
            await writer.AddAsync(series, cancellationToken);

            if (workspace.Readers.Count < 20)
                continue;
            var dayStart = today.AddDays(random.Next(7, 60)).ToDateTime(new TimeOnly(9, 0));
            var training = random.Chance(0.5);
            var single = Meeting.Schedule(training ? MeetingKind.Training : MeetingKind.NetworkDay,
                new MeetingDetails(text.Title(), text.Sentence(), text.Place(), null), [workspace.Id], lead, dayStart, dayStart.AddHours(6),
                null, invitees, training ? random.Next(10, 60) : null, null, Zone);
            Prepare(single, invitees, lead, random, text, now, today);
            if (training)
            {
                var occurrence = single.OccurrencesInOrder.Single();
                foreach (var member in random.Sample(invitees, Math.Min(invitees.Count, random.Next(5, 40))))
                    single.Register(occurrence.Id, member, now.AddHours(-random.Next(1, 200)));
            }
            world.MeetingIds.Add(single.Id);
            await writer.AddAsync(single, cancellationToken);
        }
    }

    /// <summary>Replies to what is ahead; minutes, decisions and action items for some of what is past.</summary>
    private static void Prepare(Meeting meeting, List<Guid> invitees, Guid lead, BenchRandom random, SwedishText text,
        DateTimeOffset now, DateOnly today)
    {
        var share = 0.2 + random.NextDouble() * 0.6;
        foreach (var occurrence in meeting.OccurrencesInOrder.Where(o => o.Start > now).Take(3))
            foreach (var member in invitees.Where(_ => random.Chance(share)))
                meeting.Reply(occurrence.Id, member, (ReplyAnswer)random.Next(1, 4), random.Chance(0.1) ? text.Sentence() : null,
                    now.AddHours(-random.Next(1, 100)));
        foreach (var occurrence in meeting.OccurrencesInOrder.Where(o => o.End < now && random.Chance(0.5)))
        {
            var held = occurrence.End;
            var heldDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(held, Zone).DateTime);
            meeting.WriteMinutes(occurrence.Id, $"## {text.Title()}\n\n{text.Post()}\n\n## {text.Title()}\n\n{text.Post()}", lead, held.AddHours(3));
            meeting.AddDecision(occurrence.Id, text.Sentence(), lead, held.AddHours(3));
            for (var a = random.Next(0, 3); a > 0; a--)
                meeting.AddActionItem(occurrence.Id, text.Sentence(), random.Pick(invitees), heldDay.AddDays(random.Next(3, 30)), lead, heldDay, held.AddHours(3));
        }
    }
}
