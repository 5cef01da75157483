namespace Portal.Web.Resources;

/// <summary>Method support's live and paged views: a request that is no longer available, the lists' pager,
/// stopping a share, the referral organisation picker. SupportLiveText.resx (sv) and .en.resx.</summary>
public sealed class SupportLiveText;
