package fr.mediance.protocol;

import java.util.List;

/** Answer of {@link ApiPaths#ACCOUNT_DEVICES}: the account's devices, the last seen first. */
public record DevicesResponse(List<DeviceDto> devices) {}
