package io.tutoring.attachments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/attachments}: what the client is about to upload. */
public record UploadRequest(@NotBlank @Size(max = 255) String fileName, @NotBlank String contentType,
                            @NotNull @Positive Long size) {
}
