namespace Portal.Infrastructure.Mail;

/// <summary>How the portal sends e-mail (settings <c>Portal:Mail:*</c>) and where its links point
/// (<c>Portal:PublicUrl</c>). Without an SMTP host, mails become <c>.eml</c> files in <see cref="PickupFolder"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "Portal:Mail";
    public const string PublicUrlSetting = "Portal:PublicUrl";

    /// <summary>The portal's public base address, for links in mails (for example https://portal.example.se).</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public string FromAddress { get; set; } = "noreply@samverkansportalen.local";

    public string FromName { get; set; } = Portal.Domain.Common.Product.Name;

    /// <summary>Outside Development the portal refuses to start without SMTP unless this says the
    /// pickup folder is meant (a demonstration or a relay that reads the folder).</summary>
    public bool UsePickupFolder { get; set; }

    /// <summary>Where <c>.eml</c> files go; the host sets <c>&lt;DataFolder&gt;/mail-pickup</c>.</summary>
    public string PickupFolder { get; set; } = Path.Combine("data", "mail-pickup");

    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>An absolute link into the portal for a path such as <c>/threads/42</c>.</summary>
    public string LinkTo(string path) => PublicUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Empty for a relay that accepts the portal without signing in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Mirrors MailKit's <c>SecureSocketOptions</c>: Auto means TLS on connect for port 465 and
/// STARTTLS when the server offers it otherwise.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}
