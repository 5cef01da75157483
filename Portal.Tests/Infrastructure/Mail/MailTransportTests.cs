using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Portal.Infrastructure.Mail;

namespace Portal.Tests.Infrastructure.Mail;

/// <summary>Both transports against the real thing: SMTP to a sink on loopback, .eml files on disk.</summary>
public sealed class MailTransportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-tests", "mail-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));

    private static readonly OutgoingMail Invitation = new(
        "asa.ostergren@polisen.se", "Åsa Östergren",
        "Inbjudan till arbetsytan Människohandel – Skåne",
        "Hej Åsa!\nDu är inbjuden. Öppna: http://portal.test/workspaces/7",
        "<p>Hej Åsa!</p><p>Du är inbjuden. <a href=\"http://portal.test/workspaces/7\">Öppna</a></p>",
        "notification-42.email");

    [Fact]
    public async Task Smtp_delivers_plain_text_and_html_with_sender_recipient_encoded_subject_and_stable_message_id()
    {
        await using var sink = SmtpSink.Start();
        var transport = Smtp(sink.Port);

        await transport.SendAsync(Invitation, CancellationToken.None);

        var received = sink.Messages.ShouldHaveSingleItem();
        received.EnvelopeTo.ShouldHaveSingleItem().ShouldBe("<asa.ostergren@polisen.se>");
        var message = received.Parse();
        message.From.Mailboxes.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            from => from.Address.ShouldBe("noreply@portal.test"),
            from => from.Name.ShouldBe("Samverkansportalen Test"));
        message.To.Mailboxes.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            to => to.Address.ShouldBe("asa.ostergren@polisen.se"),
            to => to.Name.ShouldBe("Åsa Östergren"));
        message.Subject.ShouldBe(Invitation.Subject);
        // On the wire the Swedish subject is an RFC 2047 encoded word, not raw 8-bit bytes.
        received.RawHeader("Subject").ShouldContain("=?utf-8?", Case.Insensitive);
        received.RawHeader("Subject").ShouldAllBe(c => c < 128);
        message.MessageId.ShouldBe("notification-42.email@portal.test");
        message.Date.ShouldBe(_time.GetUtcNow());

        var alternative = message.Body.ShouldBeOfType<MultipartAlternative>();
        alternative.ContentType.MimeType.ShouldBe("multipart/alternative");
        alternative.OfType<TextPart>().Select(part => part.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        message.TextBody.ShouldBe(Invitation.TextBody, StringCompareShould.IgnoreLineEndings);
        message.HtmlBody.ShouldBe(Invitation.HtmlBody);
    }

    [Fact]
    public async Task Smtp_that_is_down_makes_SendAsync_throw_so_the_outbox_tries_again()
    {
        var transport = Smtp(SmtpSink.FreePort());

        await Should.ThrowAsync<Exception>(() => transport.SendAsync(Invitation, CancellationToken.None));
    }

    [Fact]
    public async Task Pickup_folder_gets_one_parseable_eml_and_a_repeated_delivery_replaces_it()
    {
        var transport = new PickupFolderMailTransport(Options(), new MailMessageFactory(Options(), _time),
            NullLogger<PickupFolderMailTransport>.Instance);

        await transport.SendAsync(Invitation, CancellationToken.None);
        await transport.SendAsync(Invitation, CancellationToken.None);
        await transport.SendAsync(Invitation with { MessageId = "notification-43.email" }, CancellationToken.None);

        var files = System.IO.Directory.GetFiles(_folder).Order().ToList();
        files.Count.ShouldBe(2);
        files.ShouldAllBe(file => file.EndsWith(".eml"));
        var messages = files.Select(file => MimeMessage.Load(file)).ToList();
        messages.Select(message => message.MessageId).Order()
            .ShouldBe(["notification-42.email@portal.test", "notification-43.email@portal.test"]);
        messages.ShouldAllBe(message => message.Subject == Invitation.Subject && message.HtmlBody == Invitation.HtmlBody);
    }

    [Fact]
    public void Message_id_keeps_a_given_domain_and_makes_any_id_valid()
    {
        var factory = new MailMessageFactory(Options(), _time);

        factory.MessageIdOf(Invitation with { MessageId = "<abc.1@mail.example.se>" }).ShouldBe("abc.1@mail.example.se");
        factory.MessageIdOf(Invitation with { MessageId = "digest 2026/11 för Åsa" }).ShouldBe("digest.2026.11.f.r.sa@portal.test");
        factory.Create(Invitation with { MessageId = "digest 2026/11 för Åsa" }).MessageId.ShouldBe("digest.2026.11.f.r.sa@portal.test");
    }

    private SmtpMailTransport Smtp(int port)
    {
        var options = Options();
        options.Smtp = new SmtpSettings { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = 10 };
        return new SmtpMailTransport(options, new MailMessageFactory(options, _time), NullLogger<SmtpMailTransport>.Instance);
    }

    private MailOptions Options() => new()
    {
        FromAddress = "noreply@portal.test",
        FromName = "Samverkansportalen Test",
        PublicUrl = "http://portal.test",
        PickupFolder = _folder,
    };

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_folder))
            System.IO.Directory.Delete(_folder, recursive: true);
    }
}
