using Portal.Domain.Common;
using Portal.Domain.Directory;
using Portal.Domain.Organisations;

namespace Portal.Tests.Domain.Organisations;

public sealed class OrganisationTests
{
    private const string Tenant = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static Organisation Police() => Organisation.Create("Polismyndigheten", OrganisationKind.StateAgency, "Polisen");

    [Theory]
    [InlineData("0F8FAD5B-D9CB-469F-A165-70867728950E")]
    [InlineData("  0f8fad5b-d9cb-469f-a165-70867728950e  ")]
    [InlineData("{0f8fad5b-d9cb-469f-a165-70867728950e}")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    public void Tenant_id_in_any_GUID_form_is_stored_lower_case_with_hyphens(string raw)
    {
        TenantId.Normalise(raw).ShouldBe(Tenant);
    }

    [Fact]
    public void Same_tenant_written_two_ways_is_listed_once()
    {
        var organisation = Police();

        organisation.SetTenants([Tenant.ToUpperInvariant(), Tenant, $" {Tenant} "]);

        organisation.Tenants.Select(t => t.TenantId).ShouldBe([Tenant]);
        organisation.Tenants.Single().OrganisationId.ShouldBe(organisation.Id);
    }

    [Fact]
    public void Set_tenants_replaces_the_allow_list()
    {
        var organisation = Police();
        var other = Guid.NewGuid().ToString();
        organisation.SetTenants([Tenant]);

        organisation.SetTenants([other]);

        organisation.Tenants.Select(t => t.TenantId).ShouldBe([other]);
    }

    [Theory]
    [InlineData("polisen.se")]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950")]
    public void Invalid_tenant_id_is_refused_beside_the_tenant_list(string raw)
    {
        var organisation = Police();
        organisation.SetTenants([Tenant]);

        var refusal = Should.Throw<DomainRuleException>(() => organisation.SetTenants([Guid.NewGuid().ToString(), raw]));

        refusal.Code.ShouldBe("organisation.tenant.invalid");
        refusal.Field.ShouldBe("organisation.tenants");
        organisation.Tenants.Select(t => t.TenantId).ShouldBe([Tenant]);
    }

    [Fact]
    public void Empty_or_over_long_name_is_refused()
    {
        Should.Throw<DomainRuleException>(() => Organisation.Create(" ", OrganisationKind.Ngo)).Code.ShouldBe("organisation.name.required");
        Should.Throw<DomainRuleException>(() => Organisation.Create(new string('x', Organisation.NameMaxLength + 1), OrganisationKind.Ngo))
            .Code.ShouldBe("organisation.name.too-long");
    }

    [Fact]
    public void Contact_email_without_an_at_sign_is_refused()
    {
        var refusal = Should.Throw<DomainRuleException>(() =>
            Organisation.Create("ECPAT Sverige", OrganisationKind.Ngo, contactEmail: "info.ecpat.example"));

        refusal.Code.ShouldBe("organisation.email.invalid");
        refusal.Field.ShouldBe("organisation.email");
    }

    [Fact]
    public void Counties_served_are_kept_once_each_in_order_and_search_text_is_folded()
    {
        var organisation = Organisation.Create("Polisen – Region Syd", OrganisationKind.StateAgency, "Syd",
            countiesServed: [County.Skane, County.Blekinge, County.Skane]);

        organisation.CountiesServed.ShouldBe(new[] { County.Blekinge, County.Skane }.Order().ToList());
        organisation.SearchText.ShouldBe("polisen – region syd syd");
        organisation.UpdateProfile("Malmö stad – Socialtjänsten", null, [County.Skane], null, null);
        organisation.SearchText.ShouldBe("malmo stad – socialtjansten");
    }

    [Fact]
    public void Disable_and_enable_switch_the_organisation()
    {
        var organisation = Police();
        organisation.Enabled.ShouldBeTrue();

        organisation.Disable();
        organisation.Enabled.ShouldBeFalse();

        organisation.Enable();
        organisation.Enabled.ShouldBeTrue();
    }
}
