using Portal.Infrastructure.Auditing;
using Portal.Infrastructure.Features.MethodSupport;

namespace Portal.Web.Features.MethodSupport;

/// <summary>The administrators' audit page: the chain check and one request's trail — who, what, when and
/// from where, never the request's content (the trail's lines carry none, and the detail is not shown).</summary>
public partial class SupportAuditPage
{
    private bool _allowed;
    private string? _denied;
    private bool _verifying;
    private AuditChainVerification? _chain;
    private string? _chainError;
    private string? _reference;
    private string? _trailError;
    private SupportAuditService.AuditTrailView? _trail;

    // The menu does not lead here for others, but the page asks the services all the same.
    protected override async Task OnInitializedAsync()
    {
        try
        {
            await Administration.EnsureAdministratorAsync((await Caller.GetAsync()).MemberId);
            _allowed = true;
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _denied = Messages.For(exception);
        }
    }

    private async Task VerifyAsync()
    {
        _verifying = true;
        _chainError = null;
        try
        {
            _chain = await Audit.VerifyChainAsync(await Caller.GetAsync());
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _chain = null;
            _chainError = Messages.For(exception);
        }
        finally
        {
            _verifying = false;
        }
    }

    private async Task ShowTrailAsync()
    {
        _trailError = null;
        try
        {
            _trail = await Audit.TrailByReferenceAsync(await Caller.GetAsync(), _reference ?? "");
        }
        catch (Exception exception) when (Messages.IsExpected(exception))
        {
            _trail = null;
            _trailError = Messages.For(exception);
        }
    }

    /// <summary>The action in words; an action this page does not know yet is shown as its stable string.</summary>
    private string ActionLabel(string action) => A[$"Action.{action}"] is { ResourceNotFound: false } label ? label.Value : action;
}
