using Portal.Infrastructure.Mail;

namespace Portal.Web.Hosting;

/// <summary>Mail settings from configuration. Outside Development a portal that would silently write
/// its mails to a folder nobody reads refuses to start instead, naming what to set.</summary>
public static class PortalMail
{
    public static MailOptions Options(WebApplicationBuilder builder, string dataFolder)
    {
        var configuration = builder.Configuration;
        var mail = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        if (configuration[MailOptions.PublicUrlSetting] is { Length: > 0 } publicUrl)
            mail.PublicUrl = publicUrl;
        if (!Uri.TryCreate(mail.PublicUrl, UriKind.Absolute, out _))
            throw new InvalidOperationException($"{MailOptions.PublicUrlSetting} must be an absolute URL such as https://portal.example.se.");
        mail.PickupFolder = Path.GetFullPath(configuration[$"{MailOptions.Section}:PickupFolder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(dataFolder, "mail-pickup"), builder.Environment.ContentRootPath);
        return mail;
    }

    public static void RequireTransport(WebApplicationBuilder builder, MailOptions mail)
    {
        if (!builder.Environment.IsDevelopment() && !mail.UsesSmtp && !mail.UsePickupFolder)
            throw new InvalidOperationException(
                $"E-mail is not configured. Set {MailOptions.Section}:Smtp:Host (with Port, Security, UserName, Password " +
                $"as needed), or {MailOptions.Section}:UsePickupFolder=true to write mails as .eml files to {mail.PickupFolder}.");
    }
}
